# Fails when a string of the console has no zh_CN translation, or a
# "%n item(s)" string no English singular and plural: lupdate reads the
# sources into a copy of each catalogue (as the update_translations target
# would), and the copy must then hold no unfinished message. Run by ctest
# as tst_console_translations_complete.
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P translations-complete.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")

# check_catalogue(<file in translations/> <what is missing> [lupdate options...])
function(check_catalogue name what)
  set(copy "${WORK_DIR}/${name}")
  file(COPY_FILE "${SOURCE_DIR}/translations/${name}" "${copy}")
  execute_process(
    COMMAND "${LUPDATE}" -silent -no-obsolete -locations none -extensions cpp,h ${ARGN}
            "${SOURCE_DIR}/app" "${SOURCE_DIR}/shared/client" -ts "${copy}"
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name} (${status})")
  endif()
  file(READ "${copy}" ts)
  string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*<translation type=\"unfinished\"" missing "${ts}")
  list(LENGTH missing count)
  if(count GREATER 0)
    string(REPLACE ";" "\n" missing "${missing}")
    message(FATAL_ERROR "${count} console string(s) ${what} (run the update_translations target and fill "
                        "translations/${name}):\n${missing}")
  endif()
endfunction()

check_catalogue(kai_zh_CN.ts "without a zh_CN translation")
# English carries only plural forms; translations/fill-en-plurals fills them.
check_catalogue(kai_en.ts "without English singular and plural forms" -pluralonly)
message(STATUS "every console string has its zh_CN translation and every plural its English forms")
