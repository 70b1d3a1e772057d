export * from "./load";
export * from "./names";
export * from "./schema";
export * from "./stack";
