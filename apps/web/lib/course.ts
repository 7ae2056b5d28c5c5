/**
 * The course as the app's pages read it, through @interleave/content (server only). Nothing is
 * cached here: lesson and exercise pages are rendered at build time in production, and in
 * `next dev` each request reads the files again, so an edited lesson shows on reload.
 *
 * A course with mistakes still renders its valid parts (the problems are logged): the course's
 * own tests in @interleave/content are where a broken lesson fails the build, and a teacher
 * editing one lesson in dev should not lose every page.
 */
import {
  type Course,
  defaultCourseRoot,
  type Exercise,
  formatContentError,
  loadExercise,
  type Module,
  validateCourse,
} from "@interleave/content";
import { env } from "./env";

export type { Course, Exercise, Module };

/** The course folder the app serves. */
export function courseRoot(): string {
  return env.INTERLEAVE_COURSE_ROOT ?? defaultCourseRoot();
}

/** The whole course, modules in order (its valid parts, when some files have mistakes). */
export async function getCourse(): Promise<Course> {
  const { course, errors } = await validateCourse(courseRoot());
  if (errors.length > 0) {
    console.warn(
      `The course has ${errors.length} problem(s):\n${errors.map((e) => formatContentError(e)).join("\n")}`,
    );
  }
  return course;
}

/** One module by its folder name, or undefined. */
export async function findModule(id: string): Promise<Module | undefined> {
  const course = await getCourse();
  return course.modules.find((m) => m.id === id);
}

/** One exercise by id ("12-asyncio/three-clients"). @throws UnknownExerciseError */
export function getExercise(id: string): Promise<Exercise> {
  return loadExercise(id, courseRoot());
}

/** The modules before and after a module, for previous/next links. */
export function neighbours(course: Course, id: string): { previous?: Module; next?: Module } {
  const at = course.modules.findIndex((m) => m.id === id);
  if (at < 0) return {};
  const previous = course.modules[at - 1];
  const next = course.modules[at + 1];
  return { ...(previous && { previous }), ...(next && { next }) };
}

/** The URL of a module's lesson. */
export function lessonHref(moduleId: string): string {
  return `/learn/${moduleId}`;
}

/** The URL of an exercise page. */
export function exerciseHref(exerciseId: string): string {
  return `/learn/${exerciseId}`;
}
