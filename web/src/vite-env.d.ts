// Vite client types for the web app: import.meta.glob, import.meta.env and asset imports.
/// <reference types="vite/client" />
