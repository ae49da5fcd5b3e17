#include "store/robotstore.h"
