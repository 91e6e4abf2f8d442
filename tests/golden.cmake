# Golden scenario tests: `drsim check` on every scenario in scenarios/examples and
# scenarios/real that carries an expect: block (each figure computed by hand).
file(GLOB_RECURSE DRSIM_GOLDEN_SCENARIOS CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/scenarios/examples/*.yaml ${PROJECT_SOURCE_DIR}/scenarios/real/*.yaml)
foreach(scenario ${DRSIM_GOLDEN_SCENARIOS})
  file(READ ${scenario} body)
  string(REGEX MATCH "\nexpect:" has_expect "${body}")
  if(has_expect)
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${scenario})
    add_test(NAME "golden: ${rel}" COMMAND drsim check ${scenario} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endif()
endforeach()
