export * from "./api";
export * from "./app";
export * from "./configVars";
export * from "./domain";
export * from "./herokuApp";
export * from "./release";
