export * from "./commit";
export * from "./image";
export * from "./tags";
