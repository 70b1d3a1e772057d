import { describeSynthOf } from "../support/synthStack";

describeSynthOf("staging");
