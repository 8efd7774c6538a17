# The `tenure` executable: run a JavaScript file on libtenure (owned by the runtime component).
if(TARGET tenure_js)
  add_executable(tenure_cli ${CMAKE_CURRENT_LIST_DIR}/tenure_main.cc)
  set_target_properties(tenure_cli PROPERTIES OUTPUT_NAME tenure)
  target_link_libraries(tenure_cli PRIVATE tenure_js)
  if(TARGET tenure_snapshot)  # `tenure heap <command>`: the snapshot analyzer
    target_link_libraries(tenure_cli PRIVATE tenure_snapshot)
    target_compile_definitions(tenure_cli PRIVATE TENURE_CLI_HEAP_COMMAND=1)
  endif()
  # Start-up: a static executable skips the dynamic loader's relocation of libstdc++ (measured for
  # `tenure -e 0`: 10.8 -> 6.8 ms CPU, 165 -> 91 page faults, 6.5 -> 4.9 MB RSS). Sanitizer and
  # fuzz builds need their dynamic runtimes.
  if(NOT TENURE_SANITIZE AND NOT TENURE_FUZZ)
    target_link_options(tenure_cli PRIVATE -static)
  endif()
  install(TARGETS tenure_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
