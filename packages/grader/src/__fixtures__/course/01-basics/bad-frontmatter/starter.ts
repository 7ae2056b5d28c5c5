import { print } from "interleave";

print("hello");
