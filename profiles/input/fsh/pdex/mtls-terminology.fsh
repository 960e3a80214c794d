// Da Vinci PDex 2.0.0 mTLS endpoint discovery: the NDH-style code systems and value sets.

CodeSystem: CredentialStatusCS
Id: CredentialStatusCS
Title: "Credential Status Code System"
Description: "Status of an identifier or credential."
* insert PDex(CodeSystem, CredentialStatusCS)
* ^caseSensitive = true
* ^content = #complete
* #active "active"
* #inactive "inactive"
* #issued-in-error "issued in error"
* #revoked "revoked"
* #pending "pending"
* #unknown "unknown"

CodeSystem: EndpointAccessControlMechanismCS
Id: EndpointAccessControlMechanismCS
Title: "Endpoint Access Control Mechanism Code System"
Description: "How access to an endpoint is controlled."
* insert PDex(CodeSystem, EndpointAccessControlMechanismCS)
* ^caseSensitive = true
* ^content = #complete
* #public "Public"
* #opaque-access-token "Opaque Access Token"
* #jwt-access-token "JWT Access Token"
* #mutual-tls "Mutual TLS"
* #wss-saml-token "WSS SAML Token"
* #wss-username-token "WSS User Name Token"
* #wss-kerberos-token "WSS Kerberos Token"
* #wss-x509-token "WSS X509 Token"
* #wss-custom-token "WSS Custom Token"

CodeSystem: EndpointConnectionTypeCS
Id: EndpointConnectionTypeCS
Title: "Endpoint Connection Types (additional) Code System"
Description: "Connection types missing from HL7 endpoint-connection-type."
* insert PDex(CodeSystem, EndpointConnectionTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #hl7-fhir-opn "HL7 FHIR Operation"
* #rest-non-fhir "REST (not FHIR)"
* #ihe-xcpd "IHE XCPD"
* #ihe-xca "IHE XCA"
* #ihe-xdr "IHE XDR"
* #ihe-xds "IHE XDS"
* #ihe-iid "IHE IID"
* #ihe-pdq "IHE PDQ"
* #ihe-pix "IHE PIX"
* #ihe-mhd "IHE MHD"

CodeSystem: EndpointConnectionTypeVersionCS
Id: EndpointConnectionTypeVersionCS
Title: "Endpoint Connection Type Version Code System"
Description: "FHIR versions newer than R4 core knows."
* insert PDex(CodeSystem, EndpointConnectionTypeVersionCS)
* ^caseSensitive = true
* ^content = #complete
* #4.3.0 "4.3.0"

CodeSystem: EndpointPayloadTypeCS
Id: EndpointPayloadTypeCS
Title: "Endpoint Payload Types Code System"
Description: "Endpoint payload types."
* insert PDex(CodeSystem, EndpointPayloadTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #NA "Not Applicable"

CodeSystem: MtlsObjectCodeCS
Id: MtlsObjectCodeCS
Title: "mTLS Object Type Code"
Description: "Kinds of signed object carried on an mTLS endpoint."
* insert PDex(CodeSystem, MtlsObjectCodeCS)
* ^caseSensitive = false
* ^content = #complete
* #MTLS "mTLS signed Object"

CodeSystem: NdhAssociatedServersTypeCS
Id: NdhAssociatedServersTypeCS
Title: "NDH Associated Servers Type Code System"
Description: "Servers associated with an endpoint."
* insert PDex(CodeSystem, NdhAssociatedServersTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #proxy-server "Proxy Server"
* #indentity-provider-server "Identity Provider Server"
* #record-locator-service-server "Record Locator Service Server"
* #master-patient-index-server "Master Patient Index (MPI) Server"
* #authorization-authentication-server "Authorization/Authentication Server"
* #authorization-registration-server "Authorization/Registration Server"

CodeSystem: NdhFhirEndpointUseCaseCS
Id: NdhFhirEndpointUseCaseCS
Title: "NDH FHIR Endpoint Use Case Code System"
Description: "What an endpoint is used for."
* insert PDex(CodeSystem, NdhFhirEndpointUseCaseCS)
* ^caseSensitive = true
* ^content = #complete
* #cdex "CDex"
* #patientAccess "Patient Access"
* #pasOperation "PAS Operation"
* #payerAttachment "Payer Attachment"
* #payerToPayer "Payer to Payer"
* #providerApi "Provider API"

CodeSystem: NdhSecureExchangeArtifactsCS
Id: NdhSecureExchangeArtifactsCS
Title: "NDH Secure Exchange Artifacts Code System"
Description: "Certificates used for secure exchange."
* insert PDex(CodeSystem, NdhSecureExchangeArtifactsCS)
* ^caseSensitive = true
* ^content = #complete
* #x509-ssl-tls-certificates "X509 SSL/TLS certificates"
* #x509-mtls-certificate "X509 MTLS certificate"
* #x509-identity-certificate "X509 identity certificate"
* #x509-signing-certificate "X509 signing certificate"
* #x509-encryption-certificate "X509 encryption certificate"

CodeSystem: NdhVerificationStatusCS
Id: NdhVerificationStatusCS
Title: "NDH Resource Instance Verification Status Code System"
Description: "Whether a directory entry was verified."
* insert PDex(CodeSystem, NdhVerificationStatusCS)
* ^caseSensitive = true
* ^content = #complete
* #complete "Complete"
* #incomplete "Incomplete"
* #not-required "Not Required"

CodeSystem: TrustFrameworkTypeCS
Id: TrustFrameworkTypeCS
Title: "Trust FrameworkType Code System"
Description: "Trust frameworks an endpoint participates in."
* insert PDex(CodeSystem, TrustFrameworkTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #DirectTrust "Direct Trust"
* #CareQuality "Carequality"
* #Commonwell "Commonwell"
* #TEFCA "TEFCA"
* #PayerToPayer "Payer to Payer Trust Network"
* #Exchange "Exchange Required by Federal Regulations"
* #PCDH "Patient Centered Data Home"

CodeSystem: TrustProfileCS
Id: TrustProfileCS
Title: "Trust Profile Code System"
Description: "Dynamic registration trust profiles."
* insert PDex(CodeSystem, TrustProfileCS)
* ^caseSensitive = true
* ^content = #complete
* #udap "UDAP"
* #smart "SMART"

ValueSet: BundleTypeVS
Id: BundleTypeVS
Title: "mTLS Bundle Type Value Set"
Description: "Bundle types for mTLS endpoint bundles (as published: all bundle types, with collection listed)."
* insert PDex(ValueSet, BundleTypeVS)
* include codes from system http://hl7.org/fhir/bundle-type
* http://hl7.org/fhir/bundle-type#collection

ValueSet: EndpointAccessControlMechanismVS
Id: EndpointAccessControlMechanismVS
Title: "Endpoint Access Control Mechanism Value Set"
Description: "Access control mechanisms."
* insert PDex(ValueSet, EndpointAccessControlMechanismVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointAccessControlMechanismCS

ValueSet: EndpointConnectionTypeVS
Id: EndpointConnectionTypeVS
Title: "Endpoint Connection Types Value Set"
Description: "HL7 and PDex connection types (the HIE-specific code system is not included in this package: not checked)."
* insert PDex(ValueSet, EndpointConnectionTypeVS)
* include codes from system http://terminology.hl7.org/CodeSystem/endpoint-connection-type
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointConnectionTypeCS
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointHieSpecificConnectionTypeCS

ValueSet: EndpointConnectionTypeVersionVS
Id: EndpointConnectionTypeVersionVS
Title: "Endpoint Connection Type Version Value Set"
Description: "FHIR versions of a connection."
* insert PDex(ValueSet, EndpointConnectionTypeVersionVS)
* http://hl7.org/fhir/FHIR-version#0.0.80
* http://hl7.org/fhir/FHIR-version#0.0.81
* http://hl7.org/fhir/FHIR-version#0.0.82
* http://hl7.org/fhir/FHIR-version#1.0.1
* http://hl7.org/fhir/FHIR-version#1.0.2
* http://hl7.org/fhir/FHIR-version#3.0.0
* http://hl7.org/fhir/FHIR-version#3.0.1
* http://hl7.org/fhir/FHIR-version#4.0.0
* http://hl7.org/fhir/FHIR-version#4.0.1
* http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointConnectionTypeVersionCS#4.3.0

ValueSet: EndpointFhirMimeTypeVS
Id: EndpointFhirMimeTypeVS
Title: "Endpoint FHIR Mimetype Value Set"
Description: "FHIR mime types."
* insert PDex(ValueSet, EndpointFhirMimeTypeVS)
* urn:ietf:bcp:13#application/fhir+xml
* urn:ietf:bcp:13#application/fhir+json
* urn:ietf:bcp:13#application/fhir+turtle

ValueSet: EndpointPayloadTypeVS
Id: EndpointPayloadTypeVS
Title: "Endpoint Payload Type Value Set"
Description: "Endpoint payload types."
* insert PDex(ValueSet, EndpointPayloadTypeVS)
* http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointPayloadTypeCS#NA

ValueSet: IdentifierStatusVS
Id: IdentifierStatusVS
Title: "Identifier Status Value Set"
Description: "Status of an identifier."
* insert PDex(ValueSet, IdentifierStatusVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/CredentialStatusCS

ValueSet: MtlsObjectType
Id: MtlsObjectType
Title: "mTLS Signed Object Types"
Description: "Kinds of signed object."
* insert PDex(ValueSet, MtlsObjectType)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/MtlsObjectCodeCS

ValueSet: NdhAssociatedServersTypeVS
Id: NdhAssociatedServersTypeVS
Title: "Associated Servers Type Value Set"
Description: "Associated server types."
* insert PDex(ValueSet, NdhAssociatedServersTypeVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/NdhAssociatedServersTypeCS

ValueSet: NdhFhirEndpointUseCaseVS
Id: NdhFhirEndpointUseCaseVS
Title: "NDH FHIR Endpoint Usecase Value Set"
Description: "Endpoint use cases."
* insert PDex(ValueSet, NdhFhirEndpointUseCaseVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/NdhFhirEndpointUseCaseCS

ValueSet: NdhSecureExchangeArtifactsVS
Id: NdhSecureExchangeArtifactsVS
Title: "Secure Exchange Artifacts Value Set"
Description: "Secure exchange artifacts."
* insert PDex(ValueSet, NdhSecureExchangeArtifactsVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/NdhSecureExchangeArtifactsCS

ValueSet: NdhVerificationStatusVS
Id: NdhVerificationStatusVS
Title: "NDH Verification Status Value Set"
Description: "Verification status."
* insert PDex(ValueSet, NdhVerificationStatusVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/NdhVerificationStatusCS

ValueSet: TrustFrameworkTypeVS
Id: TrustFrameworkTypeVS
Title: "Trust Framework Type Value Set"
Description: "Trust frameworks."
* insert PDex(ValueSet, TrustFrameworkTypeVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/TrustFrameworkTypeCS

ValueSet: TrustProfileVS
Id: TrustProfileVS
Title: "Trust Profile Value Set"
Description: "Trust profiles."
* insert PDex(ValueSet, TrustProfileVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/TrustProfileCS
