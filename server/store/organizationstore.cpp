#include "store/organizationstore.h"
