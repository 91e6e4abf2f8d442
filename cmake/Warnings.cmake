# Warnings for drsim's own targets: -Wall -Wextra -Wpedantic, as errors in CI builds.
option(DRSIM_WERROR "Treat warnings in drsim's code as errors" OFF)
function(drsim_warnings target)
  # -Wno-restrict: g++ 12 reports false overlaps in std::string's operator+ (GCC bug 105329).
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-restrict)
  if(DRSIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
