# Third-party libraries, all from Debian 12 packages (see ./build.sh for the list).
find_package(Boost 1.74 REQUIRED)            # Boost::headers (Asio)
find_package(SQLiteCpp REQUIRED)             # SQLiteCpp
find_package(yaml-cpp REQUIRED)              # yaml-cpp
find_package(CLI11 REQUIRED)                 # CLI11::CLI11
find_package(fmt REQUIRED)                   # fmt::fmt
find_package(date REQUIRED)                  # date::date (Howard Hinnant)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
