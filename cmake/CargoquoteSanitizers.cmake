# Sanitizers apply per target (never through global CMAKE_CXX_FLAGS), so imported libraries are untouched.
function(cargoquote_set_sanitizers target)
  if(CARGOQUOTE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${CARGOQUOTE_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${CARGOQUOTE_SANITIZE})
  endif()
endfunction()

function(cargoquote_target_defaults target)
  cargoquote_set_warnings(${target})
  cargoquote_set_sanitizers(${target})
endfunction()
