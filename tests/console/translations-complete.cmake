# Fails when a string of the console has no zh_CN translation: lupdate reads
# the sources into a copy of translations/kai_zh_CN.ts (as the
# update_translations target would), and the copy must then hold no
# unfinished message. Run by ctest as tst_console_translations_complete.
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P translations-complete.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/kai_zh_CN.ts")
file(COPY_FILE "${SOURCE_DIR}/translations/kai_zh_CN.ts" "${copy}")
execute_process(
  COMMAND "${LUPDATE}" -silent -no-obsolete -locations none -extensions cpp,h
          "${SOURCE_DIR}/app" "${SOURCE_DIR}/shared/client" -ts "${copy}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${status})")
endif()
file(READ "${copy}" ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REPLACE ";" "\n" missing "${missing}")
  message(FATAL_ERROR "${count} console string(s) without a zh_CN translation "
                      "(run the update_translations target and translate them):\n${missing}")
endif()
message(STATUS "every console string has its zh_CN translation")
