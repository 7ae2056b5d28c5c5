// Loading the course from exercises/
export {
  type CourseCheck,
  listExerciseIds,
  loadCourse,
  loadExercise,
  loadModule,
  resolveExerciseId,
  validateCourse,
} from "./course";
export { defaultCourseRoot } from "./course-root";
// Errors
export {
  type ContentError,
  ContentLoadError,
  CourseInvalidError,
  formatContentError,
  UnknownExerciseError,
  UnknownModuleError,
} from "./errors";
// Rendering markdown (async: shiki's highlighter is created once, on first use)
export { CODE_THEME_CSS, CODE_THEMES, getHighlighter } from "./highlight";
// Links between course files
export { checkLinks, courseLinkHref, type LinkTarget, resolveCourseLink } from "./links";
export {
  type Heading,
  type RenderedMarkdown,
  type RenderOptions,
  RUNNABLE_ATTRIBUTE,
  type RunnableBlock,
  renderMarkdown,
} from "./markdown";

// Frontmatter schema
export {
  DIFFICULTIES,
  type Difficulty,
  EXERCISE_FOLDER,
  EXERCISE_KINDS,
  type ExerciseKind,
  MAX_HINTS,
  MODULE_FOLDER,
} from "./schema";
// Server-only reads (never send their results to a browser)
export { loadSolution, loadWrongAnswers, type WrongAnswer } from "./solutions";
export type { Course, Exercise, ExerciseFiles, Lesson, Module } from "./types";
