# Sanitizers apply per target (never through global CMAKE_CXX_FLAGS), so imported libraries are untouched.
# With CARGOQUOTE_BUILD_FUZZERS every project target also gets libFuzzer's coverage
# instrumentation (fuzzer-no-link); the fuzz targets add -fsanitize=fuzzer themselves (tests/fuzz).
function(cargoquote_set_sanitizers target)
  set(sanitize "${CARGOQUOTE_SANITIZE}")
  if(CARGOQUOTE_BUILD_FUZZERS)
    list(APPEND sanitize fuzzer-no-link)
    list(JOIN sanitize "," sanitize)
  endif()
  if(sanitize)
    target_compile_options(${target} PRIVATE -fsanitize=${sanitize} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${sanitize})
  endif()
endfunction()

function(cargoquote_target_defaults target)
  cargoquote_set_warnings(${target})
  cargoquote_set_sanitizers(${target})
endfunction()
