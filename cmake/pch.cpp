// Compiles the precompiled header that every Natter target reuses (cmake/precompiledheaders.cmake).
