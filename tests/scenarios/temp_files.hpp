// Test helper of the scenarios tests: the shared temporary folder (tests/support/temp_dir.hpp).
#pragma once

#include "tests/support/temp_dir.hpp"
