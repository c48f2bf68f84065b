# Precompiled Qt headers for cold builds (CI builds everything twice from nothing; most of a
# translation unit's time is parsing Qt). One header is compiled once, by `natter-pch`, and
# every target of ours reuses it. A target whose flags would make GCC reject it simply parses
# the headers as usual, so the result is the same either way. With ccache the warm build is
# already fast and ccache does not cache PCH users without extra settings, so the default is
# off there.

if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
    set(_natter_pch_default OFF)
else()
    set(_natter_pch_default ON)
endif()
option(NATTER_PCH "Precompile the Qt headers every target uses" ${_natter_pch_default})

# Every target defined in `dir` and the directories below it.
function(natter_collect_targets dir out)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(subdir IN LISTS subdirs)
        natter_collect_targets("${subdir}" more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Every library `target` links, directly or through others (Qt's own targets included).
function(natter_link_closure target out)
    set(seen "")
    set(queue ${target})
    list(LENGTH queue remaining)
    while(remaining GREATER 0)
        list(POP_FRONT queue current)
        list(LENGTH queue remaining)
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(aliased ${current} ALIASED_TARGET)
        if(aliased)
            list(APPEND queue ${aliased})
        endif()
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(links ${current} ${property})
            if(NOT links)
                continue()
            endif()
            foreach(link IN LISTS links)
                string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
                list(APPEND queue ${link})
            endforeach()
            list(LENGTH queue remaining)
        endforeach()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

# Whether a header of `target`'s sources (or beside one of its .cpp files, where AUTOMOC
# looks too) declares a QObject, so moc writes into its mocs_compilation.cpp.
function(natter_declares_qobjects target out)
    get_target_property(sources ${target} SOURCES)
    get_target_property(srcdir ${target} SOURCE_DIR)
    set(headers "")
    foreach(source IN LISTS sources)
        if(NOT IS_ABSOLUTE "${source}")
            set(source "${srcdir}/${source}")
        endif()
        string(REGEX REPLACE "\\.cpp$" ".h" header "${source}")
        list(APPEND headers "${header}")
    endforeach()
    list(REMOVE_DUPLICATES headers)
    foreach(header IN LISTS headers)
        if(EXISTS "${header}")
            file(STRINGS "${header}" found REGEX "Q_OBJECT|Q_GADGET|Q_NAMESPACE")
            if(found)
                set(${out} TRUE PARENT_SCOPE)
                return()
            endif()
        endif()
    endforeach()
    set(${out} FALSE PARENT_SCOPE)
endfunction()

# A precompiled header per set of Qt modules: GCC uses one only when the modules' macros
# (QT_NETWORK_LIB, ...) match the target's.
function(natter_add_pch name)
    add_library(${name} STATIC "${PROJECT_SOURCE_DIR}/cmake/pch.cpp")
    target_link_libraries(${name} PRIVATE natter_warnings ${ARGN})
    set(headers "")
    foreach(module IN LISTS ARGN)
        string(REPLACE "Qt6::" "" module "${module}")
        list(APPEND headers "<Qt${module}/Qt${module}>")
    endforeach()
    target_precompile_headers(${name} PRIVATE ${headers})
endfunction()

# Called once at the end of the top-level CMakeLists.txt. QtTest stays out: its headers read
# per-target macros (QT_TESTCASE_BUILDDIR).
function(natter_precompile_headers)
    if(NOT NATTER_PCH)
        return()
    endif()
    natter_collect_targets("${PROJECT_SOURCE_DIR}" targets)
    natter_add_pch(natter-pch-core Qt6::Core)
    natter_add_pch(natter-pch-network Qt6::Core Qt6::Network)
    natter_add_pch(natter-pch-websockets Qt6::Core Qt6::Network Qt6::WebSockets)
    if(NATTER_BUILD_CLIENT)
        find_package(Qt6 REQUIRED COMPONENTS Gui Widgets)
        natter_add_pch(natter-pch-widgets Qt6::Core Qt6::Gui Qt6::Widgets Qt6::Network
                       Qt6::WebSockets)
    endif()
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type MATCHES "EXECUTABLE|STATIC_LIBRARY")
            continue()
        endif()
        # An executable whose own headers declare no QObject (a test: its moc output is
        # included by its source) has an empty mocs_compilation.cpp; loading the precompiled
        # header for it alone costs ~2 s, for each of ~100 tests.
        get_target_property(automoc ${target} AUTOMOC)
        if(type STREQUAL "EXECUTABLE" AND automoc)
            natter_declares_qobjects(${target} declares)
            if(NOT declares)
                get_target_property(bindir ${target} BINARY_DIR)
                set_source_files_properties("${bindir}/${target}_autogen/mocs_compilation.cpp"
                                            TARGET_DIRECTORY ${target}
                                            PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
            endif()
        endif()
        natter_link_closure(${target} links)
        # Same warning flags and macros as the header was compiled with.
        if(NOT "natter_warnings" IN_LIST links OR NOT "Qt6::Core" IN_LIST links)
            continue()
        endif()
        if("Qt6::Widgets" IN_LIST links AND "Qt6::Network" IN_LIST links
           AND "Qt6::WebSockets" IN_LIST links)
            target_precompile_headers(${target} REUSE_FROM natter-pch-widgets)
        elseif("Qt6::Widgets" IN_LIST links OR "Qt6::Gui" IN_LIST links)
            # Gui or Widgets without the rest: none of the headers' macro sets match.
            continue()
        elseif("Qt6::Network" IN_LIST links AND "Qt6::WebSockets" IN_LIST links)
            target_precompile_headers(${target} REUSE_FROM natter-pch-websockets)
        elseif("Qt6::Network" IN_LIST links)
            target_precompile_headers(${target} REUSE_FROM natter-pch-network)
        elseif(NOT "Qt6::WebSockets" IN_LIST links)
            target_precompile_headers(${target} REUSE_FROM natter-pch-core)
        endif()
    endforeach()
endfunction()
