// Written by the CSV helper.
#pragma once
