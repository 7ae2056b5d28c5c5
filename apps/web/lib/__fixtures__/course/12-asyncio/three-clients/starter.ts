print("starter");
