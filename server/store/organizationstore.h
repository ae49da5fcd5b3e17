#pragma once
// STUB: to be implemented.
