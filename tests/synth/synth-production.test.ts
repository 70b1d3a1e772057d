import { describeSynthOf } from "../support/synthStack";

describeSynthOf("production");
