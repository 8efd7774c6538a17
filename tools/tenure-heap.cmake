# tenure-heap: standalone front end for `tenure heap <command>` (the snapshot analyzer).
if(TARGET tenure_snapshot)
  add_executable(tenure-heap ${CMAKE_CURRENT_LIST_DIR}/tenure_heap_main.cc)
  target_link_libraries(tenure-heap PRIVATE tenure_snapshot)
endif()
