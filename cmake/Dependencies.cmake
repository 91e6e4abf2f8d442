# Third-party libraries, all from Debian 12 packages (see ./build.sh for the list).
find_package(Boost 1.74 REQUIRED)            # Boost::headers (Asio)
find_package(SQLiteCpp REQUIRED)             # SQLiteCpp
find_package(yaml-cpp REQUIRED)              # yaml-cpp
find_package(CLI11 REQUIRED)                 # CLI11::CLI11
find_package(fmt REQUIRED)                   # fmt::fmt
find_package(date REQUIRED)                  # date::date (Howard Hinnant)
find_package(nlohmann_json 3 REQUIRED)       # nlohmann_json::nlohmann_json (drill/: OpenADR JSON)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)

# Optional: MPI ranks for `mpirun -np N drsim exposure` (Open MPI and Boost.MPI, Debian's
# openmpi-bin libopenmpi-dev libboost-mpi-dev, which ./build.sh installs). Without them
# drsim builds as one process and `mpirun` would run N independent copies.
option(DRSIM_MPI "Build drsim exposure with MPI ranks when Boost.MPI is found" ON)
if(DRSIM_MPI)
  find_package(MPI QUIET COMPONENTS CXX)
  find_package(Boost 1.74 QUIET COMPONENTS mpi serialization)
  if(MPI_CXX_FOUND AND TARGET Boost::mpi)
    set(DRSIM_WITH_MPI ON)
    message(STATUS "drsim: MPI ranks for drsim exposure (Boost.MPI ${Boost_VERSION})")
  else()
    message(STATUS "drsim: no Boost.MPI/MPI found: drsim exposure runs as one process")
  endif()
endif()
