#include "store/prototypestore.h"
