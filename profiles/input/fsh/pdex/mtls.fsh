// Da Vinci PDex 2.0.0 mTLS endpoint discovery: the signed endpoint Bundle, Endpoint and
// Organization profiles and the NDH-derived extensions they use.

// A sub-extension slice with a single value type; `{card}` of the value when it is restated.
RuleSet: SubExtension(name, type)
* extension[{name}].value[x] only {type}

Extension: MtlsSignedObject
Id: pdex-mtls-signedobject-extension
Title: "mTLS Signed Object"
Description: "A signed object (the endpoint's mTLS certificate bundle) and its type."
* insert PDex(StructureDefinition, pdex-mtls-signedobject-extension)
* insert Context(Endpoint)
* extension 2..*
* extension contains ObjectType 1..1 MS and Object 1..1 MS
* insert SubExtension(ObjectType, CodeableConcept)
* extension[ObjectType].value[x] from MtlsObjectType (extensible)
* insert SubExtension(Object, base64Binary)
* value[x] 0..0

Extension: AssociatedServers
Id: base-ext-associatedServers
Title: "NDH Associated Servers"
Description: "Servers (proxy, identity provider, authorization ...) associated with the endpoint."
* insert PDex(StructureDefinition, base-ext-associatedServers)
* insert Context(Endpoint)
* extension 1..*
* extension contains associatedServersType 1..1 MS and serverURL 0..1 MS
* insert SubExtension(associatedServersType, CodeableConcept)
* extension[associatedServersType].value[x] 1..1
* extension[associatedServersType].value[x] from NdhAssociatedServersTypeVS (extensible)
* insert SubExtension(serverURL, string)
* extension[serverURL].value[x] 1..1
* value[x] 0..0

Extension: ContactPointAvailableTime
Id: base-ext-contactpoint-availabletime
Title: "NDH Contactpoint Availabletime"
Description: "When a contact point is available."
* insert PDex(StructureDefinition, base-ext-contactpoint-availabletime)
* ^context[0].type = #fhirpath
* ^context[0].expression = "descendants()"
* extension contains daysOfWeek 0..* MS and allDay 0..1 MS and availableStartTime 0..1 MS and availableEndTime 0..1 MS
* insert SubExtension(daysOfWeek, code)
* extension[daysOfWeek].value[x] from http://hl7.org/fhir/ValueSet/days-of-week (required)
* insert SubExtension(allDay, boolean)
* insert SubExtension(availableStartTime, time)
* insert SubExtension(availableEndTime, time)
* value[x] 0..0

Extension: DynamicRegistration
Id: base-ext-dynamicRegistration
Title: "NDH Dynamic Registration"
Description: "The dynamic client registration profile and version an endpoint supports."
* insert PDex(StructureDefinition, base-ext-dynamicRegistration)
* insert Context(Endpoint)
* extension contains trustProfile 0..1 and version 0..1 MS
* insert SubExtension(trustProfile, CodeableConcept)
* extension[trustProfile].value[x] from TrustProfileVS (extensible)
* insert SubExtension(version, string)
* value[x] 0..0

Extension: EndpointConnectionTypeVersion
Id: base-ext-endpoint-connection-type-version
Title: "NDH Endpoint Connection Type Version"
Description: "The version of the endpoint's connection type (e.g. the FHIR version)."
* insert PDex(StructureDefinition, base-ext-endpoint-connection-type-version)
* insert Context(Endpoint)
* value[x] MS
* value[x] only CodeableConcept
* value[x] from EndpointConnectionTypeVersionVS (extensible)

Extension: EndpointRank
Id: base-ext-endpoint-rank
Title: "NDH Endpoint Rank"
Description: "Preference order of the endpoint among equivalent ones."
* insert PDex(StructureDefinition, base-ext-endpoint-rank)
* insert Context(Endpoint)
* value[x] 1..1
* value[x] only positiveInt

Extension: EndpointUsecase
Id: base-ext-endpoint-usecase
Title: "NDH Endpoint Usecase"
Description: "The use case (Patient Access, Payer to Payer ...) an endpoint serves."
* insert PDex(StructureDefinition, base-ext-endpoint-usecase)
* insert Context(Endpoint)
* extension 1..*
* extension contains endpointUsecasetype 1..1 MS and standard 0..1 MS
* insert SubExtension(endpointUsecasetype, CodeableConcept)
* extension[endpointUsecasetype].value[x] 1..1
* extension[endpointUsecasetype].value[x] from NdhFhirEndpointUseCaseVS (extensible)
* insert SubExtension(standard, uri)
* extension[standard].value[x] 1..1
* value[x] 0..0

Extension: EndpointAccessControlMechanism
Id: base-ext-endpointAccessControlMechanism
Title: "NDH Endpoint Access Control Mechanism"
Description: "How access to the endpoint is controlled."
* insert PDex(StructureDefinition, base-ext-endpointAccessControlMechanism)
* insert Context(Endpoint)
* value[x] 1..1
* value[x] only CodeableConcept
* value[x] from EndpointAccessControlMechanismVS (extensible)

Extension: FhirIg
Id: base-ext-fhir-ig
Title: "NDH FHIR IG"
Description: "An implementation guide the endpoint supports."
* insert PDex(StructureDefinition, base-ext-fhir-ig)
* insert Context(Endpoint)
* extension contains ig-publication 0..1 and ig-name 0..1 and ig-version 0..1
* insert SubExtension(ig-publication, uri)
* insert SubExtension(ig-name, string)
* extension[ig-name].value[x] 1..1
* insert SubExtension(ig-version, string)
* extension[ig-version].value[x] 1..1
* value[x] 0..0

Extension: IdentifierStatus
Id: base-ext-identifier-status
Title: "NDH Identifier Status"
Description: "Whether an identifier is active, revoked ..."
* insert PDex(StructureDefinition, base-ext-identifier-status)
* insert Context(Identifier)
* value[x] 1..1 MS
* value[x] only code
* value[x] from IdentifierStatusVS (required)

Extension: SecureExchangeArtifacts
Id: base-ext-secureExchangeArtifacts
Title: "NDH Secure Exchange Artifacts"
Description: "Certificates used to exchange securely with the endpoint."
* insert PDex(StructureDefinition, base-ext-secureExchangeArtifacts)
* insert Context(Endpoint)
* extension 1..*
* extension contains secureExchangeArtifactsType 1..1 MS and certificate 0..1 MS and expirationDate 0..1
* insert SubExtension(secureExchangeArtifactsType, CodeableConcept)
* extension[secureExchangeArtifactsType].value[x] 1..1
* extension[secureExchangeArtifactsType].value[x] from NdhSecureExchangeArtifactsVS (extensible)
* insert SubExtension(certificate, base64Binary)
* extension[certificate].value[x] 1..1
* insert SubExtension(expirationDate, dateTime)
* extension[expirationDate].value[x] 1..1
* value[x] 0..0

Extension: TrustFramework
Id: base-ext-trustFramework
Title: "NDH Trust Framework"
Description: "A trust framework the endpoint participates in."
* insert PDex(StructureDefinition, base-ext-trustFramework)
* insert Context(Endpoint)
* extension 1..*
* extension contains trustFrameworkType 1..1 MS and qualifier 0..1 MS and signedArtifact 0..1 and publicCertificate 0..1
* insert SubExtension(trustFrameworkType, CodeableConcept)
* extension[trustFrameworkType].value[x] from TrustFrameworkTypeVS (extensible)
* insert SubExtension(qualifier, string)
* extension[qualifier].value[x] 1..1
* insert SubExtension(signedArtifact, base64Binary)
* extension[signedArtifact].value[x] 1..1
* insert SubExtension(publicCertificate, base64Binary)
* extension[publicCertificate].value[x] 1..1
* value[x] 0..0

Extension: VerificationStatus
Id: base-ext-verification-status
Title: "NDH Verification Status"
Description: "Whether the directory entry was verified."
* insert PDex(StructureDefinition, base-ext-verification-status)
* insert Context(Endpoint)
* value[x] only CodeableConcept
* value[x] from NdhVerificationStatusVS (extensible)

Profile: MtlsBundle
Parent: Bundle
Id: mtls-bundle
Title: "mTLS Endpoint Bundle"
Description: "A signed, timestamped Bundle of mTLS endpoint and organization entries."
* insert PDex(StructureDefinition, mtls-bundle)
* type MS
* type from BundleTypeVS (required)
* timestamp 1..1 MS
* signature 1..1 MS

Profile: MtlsEndpoint
Parent: Endpoint
Id: mtls-endpoint
Title: "mTLS Endpoint"
Description: "A payer's mTLS-protected FHIR endpoint with its signed certificate object."
* insert PDex(StructureDefinition, mtls-endpoint)
* extension 1..*
* extension contains
    EndpointUsecase named endpoint-usecase 0..* and
    FhirIg named fhir-ig 0..* and
    SecureExchangeArtifacts named secure-exchange-artifacts 0..* and
    TrustFramework named trust-framework 0..* and
    DynamicRegistration named dynamic-registration 0..* and
    AssociatedServers named associated-servers 0..* and
    EndpointAccessControlMechanism named access-control-mechanism 0..1 and
    EndpointConnectionTypeVersion named connection-type-version 0..* and
    EndpointRank named endpoint-rank 0..1 and
    VerificationStatus named verification-status 0..1 and
    MtlsSignedObject named pdex-mtls-signedobject-extension 1..* MS
* identifier MS
* identifier.extension contains IdentifierStatus named identifier-status 0..1
* identifier.assigner only Reference(MtlsOrganization)
* status MS
* status = #active (exactly)
* connectionType MS
* connectionType from EndpointConnectionTypeVS (extensible)
* name MS
* managingOrganization MS
* managingOrganization only Reference(MtlsOrganization)
* contact.extension contains ContactPointAvailableTime named contactpoint-availabletime 0..*
* payloadType 1..1
* payloadType from EndpointPayloadTypeVS (extensible)
* payloadMimeType MS
* payloadMimeType from EndpointFhirMimeTypeVS (required)

Profile: MtlsOrganization
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization
Id: mtls-organization
Title: "mTLS Organization"
Description: "The organization that owns an mTLS endpoint."
* insert PDex(StructureDefinition, mtls-organization)
* identifier.extension contains IdentifierStatus named identifier-status 0..1
* identifier.type MS
* telecom 1..*
* telecom.extension contains ContactPointAvailableTime named contactpoint-availabletime 0..*
* telecom.system 1..1 MS
* telecom.system = #url
* contact.telecom.extension contains ContactPointAvailableTime named contactpoint-availabletime 0..*
* endpoint 0..1 MS
* endpoint only Reference(MtlsEndpoint)
