#include "store/apptokenstore.h"
