# Debian packages made by CPack: `natter` (the desktop app) and `natter-server` (the server
# with its systemd unit and /etc/natter/server.conf). scripts/package.sh builds them;
# tests/packaging/check-debs.sh checks them.
#
# The binaries' install() rules sit next to their targets (components natter and
# natter-server); everything else the packages hold is installed here.

set(NATTER_PACKAGE_MAINTAINER "Natter maintainers <maintainers@natter.example>"
    CACHE STRING "Maintainer field of the Debian packages")
set(NATTER_PACKAGE_HOMEPAGE "https://natter.example/"
    CACHE STRING "Homepage field of the Debian packages")
set(NATTER_PACKAGE_RELEASE 1 CACHE STRING "Debian revision of the packages")

set(natter_pkg ${PROJECT_SOURCE_DIR}/packaging)
set(natter_pkg_out ${PROJECT_BINARY_DIR}/packaging)

# Debian wants man pages and changelogs as gzip -9n (no name, no timestamp: reproducible).
find_program(NATTER_GZIP gzip REQUIRED)
set(natter_pkg_generated)
function(natter_gzip source output)
    cmake_path(REMOVE_EXTENSION output LAST_ONLY OUTPUT_VARIABLE plain)
    add_custom_command(
        OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E copy ${source} ${plain}
        COMMAND ${NATTER_GZIP} -9nf ${plain}
        DEPENDS ${source}
        COMMENT "Compressing ${output}"
        VERBATIM)
    set(natter_pkg_generated ${natter_pkg_generated} ${output} PARENT_SCOPE)
endfunction()

# The Debian changelog's newest entry must be the version being packaged.
file(STRINGS ${natter_pkg}/debian/changelog natter_changelog_head LIMIT_COUNT 1)
set(natter_deb_version ${PROJECT_VERSION}-${NATTER_PACKAGE_RELEASE})
if(NOT natter_changelog_head MATCHES "^natter \\(${natter_deb_version}\\) ")
    message(WARNING "packaging/debian/changelog does not start with version "
                    "${natter_deb_version}: add an entry for it before packaging")
endif()

# Per package: copyright, changelog, man page and lintian overrides.
function(natter_install_docs package)
    natter_gzip(${natter_pkg}/debian/changelog
                ${natter_pkg_out}/${package}/changelog.Debian.gz)
    set(natter_pkg_generated ${natter_pkg_generated} PARENT_SCOPE)
    install(FILES ${natter_pkg}/debian/copyright ${natter_pkg_out}/${package}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${package})
    natter_gzip(${natter_pkg}/man/${package}.1 ${natter_pkg_out}/${package}/${package}.1.gz)
    set(natter_pkg_generated ${natter_pkg_generated} PARENT_SCOPE)
    install(FILES ${natter_pkg_out}/${package}/${package}.1.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${package})
    install(FILES ${natter_pkg}/debian/${package}/lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME ${package}
            COMPONENT ${package})
endfunction()

set(natter_components)

if(TARGET natter)
    list(APPEND natter_components natter)
    natter_install_docs(natter)
    install(FILES ${natter_pkg}/io.natter.Natter.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT natter)

    # Bitmap icons for menus and docks that do not scale the SVG, rendered from it at build
    # time. Without a renderer only the scalable icon is installed.
    find_program(NATTER_RSVG_CONVERT rsvg-convert)
    find_program(NATTER_IMAGEMAGICK NAMES magick convert)
    set(icon_svg ${PROJECT_SOURCE_DIR}/resources/natter.svg)
    if(NATTER_RSVG_CONVERT OR NATTER_IMAGEMAGICK)
        foreach(size 16 32 48 64 128 256)
            set(png ${natter_pkg_out}/icons/${size}x${size}/natter.png)
            if(NATTER_RSVG_CONVERT)
                set(render ${NATTER_RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${icon_svg})
            else()
                set(render ${NATTER_IMAGEMAGICK} -background none -density 384 ${icon_svg}
                    -resize ${size}x${size} -strip ${png})
            endif()
            add_custom_command(
                OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${natter_pkg_out}/icons/${size}x${size}
                COMMAND ${render}
                DEPENDS ${icon_svg}
                COMMENT "Rendering the ${size}x${size} app icon"
                VERBATIM)
            list(APPEND natter_pkg_generated ${png})
            install(FILES ${png}
                    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                    COMPONENT natter)
        endforeach()
    else()
        message(WARNING "Neither rsvg-convert (librsvg2-bin) nor ImageMagick found: the "
                        "natter package gets only the scalable icon")
    endif()
endif()

if(TARGET natter-server)
    list(APPEND natter_components natter-server)
    natter_install_docs(natter-server)
    # Debian 12 keeps packaged units and /etc outside the /usr prefix.
    install(FILES ${natter_pkg}/natter-server.service
            DESTINATION /lib/systemd/system COMPONENT natter-server)
    # 0640 root:root: it may hold the PostgreSQL and Redis passwords. The service reads it
    # as a systemd credential (LoadCredential= in the unit), so it needs no group of its own.
    install(FILES ${natter_pkg}/server.conf DESTINATION /etc/natter
            PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT natter-server)
endif()

add_custom_target(natter-packaging-files ALL DEPENDS ${natter_pkg_generated})

# --- CPack --------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME natter)
set(CPACK_PACKAGE_VENDOR "Natter")
# Empty: each package's description below starts with its own synopsis line, which CPack
# would otherwise prefix with this shared summary.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "${NATTER_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_COMPONENTS_ALL ${natter_components})
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE ${NATTER_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${NATTER_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${NATTER_PACKAGE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SOURCE natter)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
# Library dependencies come from dpkg-shlibdeps; Qt's plugins are loaded at run time, so
# shlibdeps cannot see them and they are listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_NATTER_PACKAGE_NAME natter)
set(CPACK_DEBIAN_NATTER_PACKAGE_SECTION net)
# qt6-qpa-plugins: platform plugins beyond xcb; libqt6svg6: the SVG icon engine and
# image format plugins that draw the app's icons.
set(CPACK_DEBIAN_NATTER_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# The emoji picker and reactions draw in colour with an emoji font (else monochrome or boxes).
set(CPACK_DEBIAN_NATTER_PACKAGE_RECOMMENDS "qt6-wayland, fonts-noto-color-emoji")
set(CPACK_DEBIAN_NATTER_PACKAGE_SUGGESTS "natter-server")
string(CONCAT CPACK_DEBIAN_NATTER_DESCRIPTION
    "desktop chat for a self-hosted server\n"
    "Natter is a desktop chat for people who host their own server: one person\n"
    "runs natter-server on the local network and everyone chats in real time.\n"
    "\n"
    "The app offers one-to-one conversations with presence, typing indicators,\n"
    "read receipts, editing and deleting of messages. Messages written while the\n"
    "server is unreachable are sent once it is back. Profiles let two people\n"
    "share one machine.")

set(CPACK_DEBIAN_NATTER-SERVER_PACKAGE_NAME natter-server)
set(CPACK_DEBIAN_NATTER-SERVER_PACKAGE_SECTION net)
# The SQLite driver is a Qt plugin, so shlibdeps cannot see it.
set(CPACK_DEBIAN_NATTER-SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_NATTER-SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_NATTER-SERVER_PACKAGE_CONTROL_EXTRA
    ${natter_pkg}/debian/natter-server/conffiles
    ${natter_pkg}/debian/natter-server/postinst
    ${natter_pkg}/debian/natter-server/prerm
    ${natter_pkg}/debian/natter-server/postrm)
string(CONCAT CPACK_DEBIAN_NATTER-SERVER_DESCRIPTION
    "self-hosted server for the Natter desktop chat\n"
    "Natter is a desktop chat for people who host their own server: one person\n"
    "runs natter-server on the local network and everyone chats in real time.\n"
    "\n"
    "This package holds the server: it serves the Natter WebSocket protocol\n"
    "(optionally over TLS), keeps accounts, conversations and messages in a\n"
    "database and comes with a hardened systemd service configured in\n"
    "/etc/natter/server.conf.")

include(CPack)
