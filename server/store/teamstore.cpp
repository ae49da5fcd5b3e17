#include "store/teamstore.h"
