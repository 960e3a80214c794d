# pdex::nlohmann: nlohmann/json from Debian's nlohmann-json3-dev.
# Natively we use its CMake package. Emscripten must never see -I/usr/include (it would pick up glibc
# headers), so there we point a private include dir at /usr/include/nlohmann only.
add_library(pdex_nlohmann INTERFACE)
add_library(pdex::nlohmann ALIAS pdex_nlohmann)
if(EMSCRIPTEN)
  set(_private_include "${CMAKE_BINARY_DIR}/private-include")
  file(MAKE_DIRECTORY "${_private_include}")
  if(NOT EXISTS "${_private_include}/nlohmann")
    file(CREATE_LINK /usr/include/nlohmann "${_private_include}/nlohmann" SYMBOLIC)
  endif()
  target_include_directories(pdex_nlohmann SYSTEM INTERFACE "${_private_include}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  target_link_libraries(pdex_nlohmann INTERFACE nlohmann_json::nlohmann_json)
endif()
