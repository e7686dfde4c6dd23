import { crudMethods } from '../api-method';
import * as dep from './schemas';

export const departmentsMethods = {
  /** departments.delete deletes (softly) the department and everything in it. */
  ...crudMethods<dep.Department>()('departments', { create: dep.departmentCreate, update: dep.departmentUpdate, list: dep.departmentList }),
};
