# Every dependency is a Debian 12 package (scripts/setup.sh installs them).
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(OpenSSL REQUIRED)

# SOCI and http_parser ship no CMake or pkg-config files in Debian.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY}
  ${SOCI_CORE_LIBRARY} SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

find_path(RESTINIO_INCLUDE_DIR restinio/all.hpp REQUIRED)
find_library(HTTP_PARSER_LIBRARY http_parser REQUIRED)
add_library(restinio_dep INTERFACE)
target_include_directories(restinio_dep SYSTEM INTERFACE ${RESTINIO_INCLUDE_DIR})
target_compile_definitions(restinio_dep INTERFACE ASIO_STANDALONE)
target_link_libraries(restinio_dep INTERFACE fmt::fmt ${HTTP_PARSER_LIBRARY} Threads::Threads)

# libsodium ships no CMake file in Debian (its pkg-config file is not needed for one library).
find_path(SODIUM_INCLUDE_DIR sodium.h REQUIRED)
find_library(SODIUM_LIBRARY sodium REQUIRED)
add_library(sodium_dep INTERFACE)
target_include_directories(sodium_dep SYSTEM INTERFACE ${SODIUM_INCLUDE_DIR})
target_link_libraries(sodium_dep INTERFACE ${SODIUM_LIBRARY})

# libzip and pugixml: the DOCX package and its XML (io/documents). Found like the others so
# that a missing -dev package fails at configure time with its header's name.
find_path(LIBZIP_INCLUDE_DIR zip.h REQUIRED)
find_library(LIBZIP_LIBRARY zip REQUIRED)
add_library(libzip_dep INTERFACE)
target_include_directories(libzip_dep SYSTEM INTERFACE ${LIBZIP_INCLUDE_DIR})
target_link_libraries(libzip_dep INTERFACE ${LIBZIP_LIBRARY})

find_path(PUGIXML_INCLUDE_DIR pugixml.hpp REQUIRED)
find_library(PUGIXML_LIBRARY pugixml REQUIRED)
add_library(pugixml_dep INTERFACE)
target_include_directories(pugixml_dep SYSTEM INTERFACE ${PUGIXML_INCLUDE_DIR})
target_link_libraries(pugixml_dep INTERFACE ${PUGIXML_LIBRARY})

# libxlsxwriter and expat: XLSX out and in (io/xlsx). The reader streams the sheet XML through
# expat from libzip, so a large workbook never sits whole in memory.
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h REQUIRED)
find_library(XLSXWRITER_LIBRARY xlsxwriter REQUIRED)
add_library(xlsxwriter_dep INTERFACE)
target_include_directories(xlsxwriter_dep SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIR})
target_link_libraries(xlsxwriter_dep INTERFACE ${XLSXWRITER_LIBRARY})

find_path(EXPAT_INCLUDE_DIR expat.h REQUIRED)
find_library(EXPAT_LIBRARY expat REQUIRED)
add_library(expat_dep INTERFACE)
target_include_directories(expat_dep SYSTEM INTERFACE ${EXPAT_INCLUDE_DIR})
target_link_libraries(expat_dep INTERFACE ${EXPAT_LIBRARY})
