# The tests' own code compiles unoptimized in an optimized build: the code under test (every
# library and program of ours) keeps the build type's -O2, while a test's source, which only
# drives it, compiles at -O0 in about 60 % of the time (a widget test: 9 s -> 5.5 s), and
# tests are most of what a full build compiles. A sanitized build is at -O0 throughout
# already. The precompiled headers come in an -O0 variant for them (precompiledheaders.cmake).
option(NATTER_UNOPTIMIZED_TESTS "Compile the tests' own sources at -O0" ON)

# Whether this build compiles the tests' sources at -O0 when the rest is optimized.
function(natter_tests_unoptimized out)
    if(NATTER_UNOPTIMIZED_TESTS AND NOT NATTER_SANITIZE AND CMAKE_BUILD_TYPE MATCHES "Rel")
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

# Whether `target` is defined under tests/.
function(natter_is_test_target target out)
    get_target_property(dir ${target} SOURCE_DIR)
    string(FIND "${dir}/" "${PROJECT_SOURCE_DIR}/tests/" at)
    if(at EQUAL 0)
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

# The targets under tests/ that compile sources (executables and libraries).
function(natter_test_targets out)
    natter_collect_targets("${PROJECT_SOURCE_DIR}" targets)
    set(tests "")
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        natter_is_test_target(${target} test)
        if(test AND type MATCHES "EXECUTABLE|STATIC_LIBRARY|OBJECT_LIBRARY")
            list(APPEND tests ${target})
        endif()
    endforeach()
    set(${out} ${tests} PARENT_SCOPE)
endfunction()

# Whether `target` is one of the tests' and compiles at -O0 there.
function(natter_is_unoptimized_test target out)
    natter_tests_unoptimized(unoptimized)
    if(unoptimized)
        natter_is_test_target(${target} unoptimized)
    endif()
    set(${out} ${unoptimized} PARENT_SCOPE)
endfunction()

# Called once at the end of the top-level CMakeLists.txt, before natter_precompile_headers().
function(natter_unoptimize_tests)
    natter_tests_unoptimized(unoptimized)
    if(NOT unoptimized)
        return()
    endif()
    natter_test_targets(targets)
    foreach(target IN LISTS targets)
        target_compile_options(${target} PRIVATE -O0) # after the build type's -O2: it wins
    endforeach()
endfunction()

# moc for every target under tests/ (optimized or sanitized) runs without include directories
# (mocwithoutincludes.sh.in): ~1.6 s less per test target, the same output.
function(natter_moc_tests_without_includes)
    get_target_property(moc Qt6::moc IMPORTED_LOCATION)
    if(NOT moc)
        return()
    endif()
    set(NATTER_REAL_MOC "${moc}")
    set(wrapper "${PROJECT_BINARY_DIR}/moc-without-includes")
    configure_file("${PROJECT_SOURCE_DIR}/cmake/mocwithoutincludes.sh.in" "${wrapper}" @ONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                                    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    natter_test_targets(targets)
    foreach(target IN LISTS targets)
        get_target_property(automoc ${target} AUTOMOC)
        if(automoc)
            set_target_properties(${target} PROPERTIES AUTOMOC_EXECUTABLE "${wrapper}")
        endif()
    endforeach()
endfunction()
