import { asyncio, print } from "interleave";

const TODAY = "2026-01-01";

// The user needs 1 second to type each answer (simulated, see the prompt).
async function ask(question: string, answer: string) {
  await asyncio.sleep(1);
  print(`${question} ${answer}`);
  return answer;
}

// The storage is slow: saving one record takes 10 seconds.
async function save(record: string) {
  await asyncio.sleep(10);
  print(`saved ${record}`);
}

// Whole years between a date of birth and today (dates written YYYY-MM-DD).
function age_from(birth: string, today: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const birthdayPassed = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayPassed ? 0 : 1);
}

async function main() {
  const birth = await ask("date of birth?", "1990-07-15");
  const age = age_from(birth, TODAY);
  print(`age: ${age}`);
  asyncio.create_task(save(`age=${age}`));

  const answer = await ask("height (m) and weight (kg)?", "1.75 70");
  const [height, weight] = answer.split(" ").map(Number) as [number, number];
  const bmi = (weight / (height * height)).toFixed(1);
  print(`BMI: ${bmi}`);
  asyncio.create_task(save(`bmi=${bmi}`));
  // main returns here: asyncio.run cancels the two saves before they finish.
}

asyncio.run(main());
