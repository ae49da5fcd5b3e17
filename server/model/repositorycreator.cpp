#include "model/repositorycreator.h"
