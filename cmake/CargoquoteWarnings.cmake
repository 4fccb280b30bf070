# Warnings are set per target so that third-party headers and flags stay untouched.
function(cargoquote_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wimplicit-fallthrough
                                           # designated initialisers leave defaulted members out
                                           -Wno-missing-field-initializers)
  if(CARGOQUOTE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
