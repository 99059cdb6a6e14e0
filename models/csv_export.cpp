// Written by the CSV helper.
