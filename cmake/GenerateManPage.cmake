# cmake -DCLI=<cargoquote binary> -DVERSION=<x.y.z> -DOUT=<cargoquote.1.gz> -P GenerateManPage.cmake
# Writes the man page from the command's own --help texts (every command and subcommand), so
# the page cannot drift from the options; compressed as Debian policy asks (gzip -9n).

function(help_of command_words out_var)
  execute_process(COMMAND "${CLI}" ${command_words} --help OUTPUT_VARIABLE text
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${CLI} ${command_words} --help failed (${status})")
  endif()
  string(REPLACE "${CLI}" "cargoquote" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# The names listed under "Subcommands:" in a help text.
function(subcommands_of text out_var)
  set(names "")
  string(FIND "${text}" "Subcommands:" at)
  if(at GREATER -1)
    string(SUBSTRING "${text}" ${at} -1 section)
    string(REPLACE "\n" ";" lines "${section}")
    foreach(line IN LISTS lines)
      if(line MATCHES "^  ([a-z][a-z-]*)  ")
        list(APPEND names "${CMAKE_MATCH_1}")
      endif()
    endforeach()
  endif()
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

# Help text as roff: literal lines, backslashes escaped, no line read as a request.
function(as_roff text out_var)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "\n." "\n\\&." text "\n${text}")
  string(REPLACE "\n'" "\n\\&'" text "${text}")
  string(SUBSTRING "${text}" 1 -1 text)
  set(${out_var} ".nf\n${text}.fi\n" PARENT_SCOPE)
endfunction()

set(page ".TH CARGOQUOTE 1 \"\" \"cargoquote ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\ncargoquote \\- air-freight carrier selection and quoting\n")
string(APPEND page ".SH SYNOPSIS\n.B cargoquote\n\\fICOMMAND\\fR [\\fISUBCOMMAND\\fR] [\\fIOPTIONS\\fR]\n")
string(APPEND page ".SH DESCRIPTION\n")
help_of("" top)
as_roff("${top}" roff)
string(APPEND page "${roff}.SH COMMANDS\n")
# Every command at every depth ("desk user add"), as its own subsection.
function(append_commands parent_words parent_text)
  subcommands_of("${parent_text}" names)
  foreach(name IN LISTS names)
    set(words ${parent_words} ${name})
    help_of("${words}" text)
    as_roff("${text}" roff)
    list(JOIN words " " title)
    string(APPEND page ".SS cargoquote ${title}\n${roff}")
    append_commands("${words}" "${text}")
  endforeach()
  set(page "${page}" PARENT_SCOPE)
endfunction()
append_commands("" "${top}")
string(APPEND page ".SH EXIT STATUS\n0 on success; otherwise the stable error code printed with the error "
                   "(2 for a usage error); see README.md.\n")
string(APPEND page ".SH FILES\n.TP\n/usr/share/cargoquote/sample\nthe sample rates "
                   "(\\fBcargoquote rates import /usr/share/cargoquote/sample --db rates.db\\fR)\n"
                   ".TP\n/etc/cargoquote/desk.conf\nthe quote desk service's settings\n")
string(APPEND page ".SH SEE ALSO\n/usr/share/doc/cargoquote/README.md\n")

get_filename_component(out_dir "${OUT}" DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" plain "${OUT}")
file(WRITE "${plain}" "${page}")
execute_process(COMMAND gzip -9nf "${plain}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip ${plain} failed")
endif()
