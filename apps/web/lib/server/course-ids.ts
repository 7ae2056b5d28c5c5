// The course's exercise ids in teaching order, and their titles, for the teacher's columns.
import { getCourse } from "@/lib/course";

/** Every exercise id of the course in order, with its title. */
export async function courseExercises(): Promise<Array<{ id: string; title: string }>> {
  const course = await getCourse();
  return course.modules.flatMap((m) => m.exercises.map((e) => ({ id: e.id, title: e.title })));
}
