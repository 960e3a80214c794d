# pdex_warnings: an interface target every project target links, so all of our code builds with the
# same warning set. Third-party headers are included as SYSTEM and stay quiet.
add_library(pdex_warnings INTERFACE)
target_compile_options(pdex_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  # Designated initializers that leave members at their defaults are intended, not a slip.
  -Wno-missing-field-initializers)
if(PDEX_WERROR)
  target_compile_options(pdex_warnings INTERFACE -Werror)
endif()
