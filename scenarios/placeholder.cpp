// The loader is added here.
