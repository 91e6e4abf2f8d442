# eo.xlsx recalculated by LibreOffice headless (tests/reports/eo_libreoffice_check.py), one
# test for every scenario in scenarios/examples and scenarios/real with an eo: section, plus
# one with two eo: entries (sheets " 2"): drsim runs each, then soffice starts twice for all
# the workbooks (CSV of every sheet, PDF), as its start is most of the time. About 15 s on an
# idle machine, a minute or more on a loaded one, hence the generous TIMEOUT. soffice gets a
# private profile, so the test runs beside others. Needs libreoffice-calc-nogui and
# poppler-utils (build.sh test_packages).
file(GLOB_RECURSE DRSIM_EO_LO_CANDIDATES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/scenarios/examples/*.yaml ${PROJECT_SOURCE_DIR}/scenarios/real/*.yaml)
set(DRSIM_EO_LO_SCENARIOS)
foreach(scenario ${DRSIM_EO_LO_CANDIDATES})
  file(READ ${scenario} body)
  string(REGEX MATCH "\neo:" has_eo "${body}")
  if(has_eo)
    list(APPEND DRSIM_EO_LO_SCENARIOS ${scenario})
  endif()
endforeach()
add_test(NAME "libreoffice: eo.xlsx recalculated and printed, every scenario with eo:"
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/eo_libreoffice_check.py --drsim $<TARGET_FILE:drsim>
                 --with-entry ${PROJECT_SOURCE_DIR}/scenarios/examples/earnings-opportunity/scenario.yaml
                 "{mp: MP-UTIL, zone: LRZ5, share: 0.5, nonperformance: none, cap_usd: 1000}"
                 ${DRSIM_EO_LO_SCENARIOS}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("libreoffice: eo.xlsx recalculated and printed, every scenario with eo:"
                     PROPERTIES TIMEOUT 900 LABELS libreoffice)
