import { print } from "interleave";

print("hello");
print("world");
