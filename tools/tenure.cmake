# The `tenure` executable: run a JavaScript file on libtenure (owned by the runtime component).
if(TARGET tenure_js)
  add_executable(tenure_cli ${CMAKE_CURRENT_LIST_DIR}/tenure_main.cc)
  set_target_properties(tenure_cli PROPERTIES OUTPUT_NAME tenure)
  target_link_libraries(tenure_cli PRIVATE tenure_js)
  if(TARGET tenure_snapshot)  # `tenure heap <command>`: the snapshot analyzer
    target_link_libraries(tenure_cli PRIVATE tenure_snapshot)
    target_compile_definitions(tenure_cli PRIVATE TENURE_CLI_HEAP_COMMAND=1)
  endif()
  install(TARGETS tenure_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
