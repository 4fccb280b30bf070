# One CTest run of a fuzz target (tests/fuzz/CMakeLists.txt): replays the saved crash inputs,
# then fuzzes for SECONDS on a fresh copy of the seeds in WORK_DIR (the committed corpus is only
# read). Fails on any crash, leak, timeout or sanitizer report; the input is left in
# WORK_DIR/artifacts.
#   cmake -DFUZZER=... -DWORK_DIR=... -DSEED_DIRS="a|b" -DREGRESSION_DIR=... -DDICT=...
#         -DSECONDS=20 [-DEXTRA_ARGS="-max_len=N|..."] -P run_fuzzer.cmake
# (lists are separated by "|").
foreach(var FUZZER WORK_DIR SEED_DIRS REGRESSION_DIR DICT SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" SEED_DIRS "${SEED_DIRS}")
string(REPLACE "|" ";" EXTRA_ARGS "${EXTRA_ARGS}")

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")

set(regressions "")
if(IS_DIRECTORY "${REGRESSION_DIR}")
  file(GLOB regressions LIST_DIRECTORIES false "${REGRESSION_DIR}/*")
  list(FILTER regressions EXCLUDE REGEX "/README[^/]*$")
endif()

# Every seed file under a name of its own: corpus_<file>, seeds_<file>, regressions_<file>.
set(seeds 0)
foreach(dir IN LISTS SEED_DIRS REGRESSION_DIR)
  if(NOT IS_DIRECTORY "${dir}")
    continue()
  endif()
  get_filename_component(parent "${dir}" DIRECTORY)
  get_filename_component(parent "${parent}" NAME)
  file(GLOB files LIST_DIRECTORIES false "${dir}/*")
  list(FILTER files EXCLUDE REGEX "/README[^/]*$")
  foreach(file IN LISTS files)
    get_filename_component(name "${file}" NAME)
    file(COPY_FILE "${file}" "${WORK_DIR}/corpus/${parent}_${name}")
    math(EXPR seeds "${seeds} + 1")
  endforeach()
endforeach()
if(seeds EQUAL 0)
  message(FATAL_ERROR "no seeds for ${FUZZER} in ${SEED_DIRS}")
endif()

if(regressions)
  list(LENGTH regressions count)
  message(STATUS "Replaying ${count} saved crash input(s) from ${REGRESSION_DIR}")
  execute_process(COMMAND "${FUZZER}" ${regressions} WORKING_DIRECTORY "${WORK_DIR}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "a saved crash input fails again (exit ${status})")
  endif()
endif()

message(STATUS "Fuzzing ${FUZZER} for ${SECONDS} s on ${seeds} seeds")
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=30 -dict=${DICT} -print_final_stats=1
          -artifact_prefix=${WORK_DIR}/artifacts/ ${EXTRA_ARGS} "${WORK_DIR}/corpus"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(GLOB artifacts "${WORK_DIR}/artifacts/*")
  message(FATAL_ERROR "the fuzzer failed (exit ${status}); input: ${artifacts}")
endif()
