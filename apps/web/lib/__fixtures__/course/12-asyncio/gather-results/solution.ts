print("solution");
