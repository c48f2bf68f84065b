# Unity builds (-DCMAKE_UNITY_BUILD=ON, as CI builds): a library's sources are compiled in
# batches of eight per translation unit, so the Qt headers and the templates they instantiate
# are handled once per batch, not once per file. Names in the anonymous namespaces of one
# library's files must therefore differ. A target with a single source (each test) gains
# nothing and would see GCC's -Wsubobject-linkage, meant for headers, in its wrapper: those
# compile as they are.
function(natter_unity_build_where_it_helps)
    if(NOT CMAKE_UNITY_BUILD)
        return()
    endif()
    natter_collect_targets("${PROJECT_SOURCE_DIR}" targets)
    foreach(target IN LISTS targets)
        get_target_property(sources ${target} SOURCES)
        list(FILTER sources INCLUDE REGEX "\\.cpp$")
        list(LENGTH sources count)
        if(count LESS_EQUAL 1)
            set_target_properties(${target} PROPERTIES UNITY_BUILD OFF)
        endif()
    endforeach()
endfunction()
