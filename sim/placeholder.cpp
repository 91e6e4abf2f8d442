// The engine and lifecycle are added here.
