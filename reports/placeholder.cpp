// Report writers are added here as the reports issue lands.
